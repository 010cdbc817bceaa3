/**
 * What krr-junit and krr-testcontainers share: {@link io.krrkit.testsupport.ReadyClients} wires the
 * library clients to an emulator's URLs and clock; {@link io.krrkit.testsupport.Faults} injects
 * faults and {@link io.krrkit.testsupport.RequestVerifier} verifies calls, against the emulator in
 * the test's JVM or over its operator API ({@link io.krrkit.testsupport.OperatorApiClient}).
 */
package io.krrkit.testsupport;
