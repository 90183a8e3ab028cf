/**
 * The {@code sim} backend: a seeded discrete-event simulation of one blue/green Service on Kubernetes, its pods
 * and the demo web app, driving one policy through the agent's ports in virtual time.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li><b>Events.</b> A binary heap of (time, sequence) in primitive arrays; the sequence breaks ties, so a
 *       (scenario, policy, seed) triple gives the same recording every time (wall time aside). Time is seconds
 *       from the run start; the ports show {@code Instant.EPOCH} plus that.</li>
 *   <li><b>Requests.</b> Poisson arrivals from the load profile ({@code PoissonArrivals} with the run seed),
 *       generated one ahead. Each arrival draws, from its own stream and in arrival order, a CPU demand
 *       multiplier X (mean 1, coefficient of variation {@code cpuCv}: fixed, exponential or gamma), a slow
 *       uniform and an error uniform — whether or not the request is served — so every policy faces the same
 *       requests. Routing uses a third stream.</li>
 *   <li><b>Service.</b> A request goes to a colour by the current share (selector or split), then to a uniformly
 *       chosen ready pod of it (kube-proxy iptables mode). No ready pod: it fails at once (connection refused)
 *       with the base latency.</li>
 *   <li><b>Pod.</b> {@code concurrency} worker threads and an accept queue of {@code queueLimit} (beyond: an
 *       immediate 503). A request on a thread first sleeps {@code slowDelayMs} when its slow uniform is below the
 *       pod's {@code SLOW_REQUESTS} (holding the thread, using no CPU), then queues FCFS for one of
 *       k = max(1, ceil(limit cores)) CPU servers of speed cores/k (times 1 − stolen under contention), needs
 *       {@code cpuPerRequestMs × X / speed}, and is answered: 500 when its error uniform is below
 *       {@code RANDOM_ERRORS}, else 200. Latency = completion − arrival + {@code baseLatencyMs}. A contention
 *       change applies to requests that start service after it.</li>
 *   <li><b>Client timeout.</b> A request unanswered {@code timeoutSeconds} after arrival fails then, with the
 *       timeout as its latency. Deadlines are in arrival order, so a FIFO is swept at arrivals, scrapes and
 *       samples; the server still does the work (wasted capacity) but nothing more is recorded.</li>
 *   <li><b>Memory.</b> {@code memoryBaseMiB + memoryPerInflightMiB × requests on a worker thread + leak}; a leak grows
 *       per running container, which is OOM-killed at the memory limit and restarts with a fresh working set.</li>
 *   <li><b>Pod lifecycle.</b> Created pending; scheduled after 1 s (status.startTime); container starts; ready
 *       after the startup time (the workload's, or a SlowStart fault's for pods created after it). Only ready pods
 *       are endpoints. A container that exits (crash loop, OOM kill) fails its requests and is restarted by the
 *       kubelet at once the first time, then after 10 s doubling to 300 s (reset after 10 min of running); the
 *       phase meanwhile is CrashLoopBackOff. A deleted pod leaves the endpoints at once, drains its requests for up
 *       to 30 s grace (the rest fail) and is gone; a pod costs from creation until gone.</li>
 *   <li><b>Deployment controller.</b> Keeps spec.replicas pods, reconciling on every pod state change and scale.
 *       An env patch is a new pod template (a template seen before reuses its revision) rolled out with maxSurge
 *       25 % (up) and maxUnavailable 25 % (down). The demo app's knobs ({@code SLOW_REQUESTS},
 *       {@code RANDOM_ERRORS} in percent, {@code SLOW_DELAY_MS}) are fixed per pod at creation, so a patch affects
 *       new pods only; "0" undoes one. Scale-down deletes unscheduled, then unready, then most-restarted, then
 *       newest pods (the ReplicaSet rule). A pod lost mid-rollout is replaced from the new template.</li>
 *   <li><b>Faults.</b> patchEnv, podKill (ready pods, oldest first, forced: requests fail), crashLoop (running
 *       containers exit now, new ones exit on start, until {@code lasts}), failReadiness (pods turn unready 10 s
 *       after the fault and ready 10 s after it ends, one probe period), cpuContention, memoryLeak, slowStart.
 *       Each is a FAULT event (and FAULT_END when it ends).</li>
 *   <li><b>What policies see.</b> API-server state now; metrics-server samples every 15 s per running container
 *       (CPU averaged over the last 15 s, only after one full window); Prometheus scrapes every 15 s of cumulative
 *       per-colour request and error counters and a latency histogram with the default buckets (every finished
 *       request: answered, refused or timed out); a /healthz probe through the next ready pod (round-robin) that
 *       fails only with no ready pod or a full accept queue, its latency estimated from the pod's queue.</li>
 *   <li><b>Ground truth.</b> Every 5 s a {@code Sample}: per colour arrivals, successes, failures, latency
 *       percentiles (HdrHistogram, 2 significant digits, every finished request with its latency), traffic share,
 *       desired/ready/existing pods, pod-seconds, CPU use over the interval as % of the request of running
 *       containers, mean working set. {@code cumArrived == cumCompleted + cumFailed + inFlight} at every sample.
 *       The run starts with each deployment's pods ready and the Service selecting the active colour.</li>
 * </ul>
 *
 * <h2>Live mode</h2>
 * {@code LiveSimulation} drives the same model in real time for the demo: virtual time follows an injected wall clock
 * (times a speed factor), arrivals come from a load that can change at run time ({@code LiveArrivals}: Poisson, its
 * own seeded stream), no policy runs inside, and other threads read and act through lock-guarded ports. The batch
 * run above is untouched by it: the request flow only reads its arrivals through a {@code DoubleSupplier}.
 */
package dev.failoverlab.harness.sim;
