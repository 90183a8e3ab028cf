# The runbook's five agent queries, copied verbatim from seed-runbook.md (Steps 5-9).
# RunbookContractTest replays them: the -d argument is expanded as a shell would ($DEMO_URL included).

kubectl exec -n kagent deployment/failover-agent -c kagent -- curl -X POST localhost:8080/analyze \
  -H "Content-Type: application/json" \
  -d '{
    "task": "analyze_scaling_needs",
    "context": {
      "service_url": "'$DEMO_URL'",
      "time_horizon": "10_minutes",
      "business_context": "demo_environment"
    }
  }'

kubectl exec -n kagent deployment/failover-agent -c main -- curl -X POST localhost:8080/evaluate \
  -H "Content-Type: application/json" \
  -d '{
    "task": "assess_deployment_health",
    "deployments": ["web-blue", "web-green"],
    "metrics_to_consider": ["response_time", "error_rate", "cpu_usage", "user_experience"]
  }'

kubectl exec -n kagent deployment/failover-agent -c main -- curl -X POST localhost:8080/failover-assessment \
  -H "Content-Type: application/json" \
  -d '{
    "scenario": "performance_degradation",
    "business_priority": "user_experience",
    "context": {
      "time_of_day": "peak_hours",
      "user_tolerance": "low",
      "failover_cost": "acceptable"
    }
  }'

kubectl exec -n kagent deployment/failover-agent -c main -- curl -X POST localhost:8080/optimize \
  -H "Content-Type: application/json" \
  -d '{
    "optimization_goal": "multi_objective",
    "constraints": {
      "max_response_time_ms": 100,
      "max_error_rate_percent": 1.0,
      "target_availability_percent": 99.9,
      "budget_limit_per_hour": 12.50
    },
    "current_scenario": {
      "expected_load": "2x_normal",
      "duration_minutes": 45,
      "user_sensitivity": "high"
    }
  }'

kubectl exec -n kagent deployment/failover-agent -c main -- curl -X POST localhost:8080/insights \
  -H "Content-Type: application/json" \
  -d '{
    "query": "summarize_learnings",
    "session": "current_demo"
  }'
