package io.krrkit.local.internal.fault;

import java.time.Duration;

/**
 * What one request meets: the rule's {@code step} after {@code delay}.
 *
 * @param ruleId the rule that applied
 * @param step what happens
 * @param delay waited first (latency and jitter drawn), maybe zero
 * @param hold how long a {@code no_answer} holds the request
 */
public record FaultDecision(String ruleId, FaultStep step, Duration delay, Duration hold) {}
