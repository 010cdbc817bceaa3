/**
 * The ready clients krr-junit and krr-testcontainers share: {@link
 * io.krrkit.testsupport.ReadyClients} wires the library clients to an emulator's URLs and clock.
 */
package io.krrkit.testsupport;
