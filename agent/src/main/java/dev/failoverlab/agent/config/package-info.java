/** How an agent is deployed: the SLO it defends, prices, observation windows and the guard rails of its actions. */
package dev.failoverlab.agent.config;
