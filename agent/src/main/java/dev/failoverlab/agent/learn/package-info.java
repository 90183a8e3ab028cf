/**
 * Learning that is measured: every query, prediction and decision becomes an {@link dev.failoverlab.agent.learn.Episode};
 * its outcome is filled in once the horizon has passed; decision rules ({@link dev.failoverlab.agent.learn.Rules})
 * are re-tuned on past episodes and their accuracy before and after is kept. Episodes live in a durable store, so
 * a restarted agent applies what an earlier session learned.
 */
package dev.failoverlab.agent.learn;
