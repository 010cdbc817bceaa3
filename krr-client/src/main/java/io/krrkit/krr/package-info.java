/**
 * Client for KRR's lookup service (Kontakt- og reservasjonsregisteret, {@code POST
 * /rest/v1|v2/personer}): validates identity numbers, splits them into batches of at most 1000,
 * sends the batches in parallel with retries, and returns typed results in request order.
 *
 * <p>Start at {@link io.krrkit.krr.KrrClient}.
 */
package io.krrkit.krr;
