/** The demo web app that runs as web-blue and web-green. */
package dev.failoverlab.workload;
