package io.krrkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.testsupport.FaultEndpoint;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The shared {@link FaultEndpoint} (krr-test-support, which cannot see the emulator) names the same
 * endpoint groups as krr-local's own, so a rule means the same in-process and over the operator
 * API.
 */
class FaultEndpointNamesTest {
  @Test
  void theSharedEndpointGroupsAreTheEmulatorsByNameAndWireName() {
    assertThat(Arrays.stream(FaultEndpoint.values()).map(e -> e.name() + "=" + e.wireName()))
        .containsExactlyElementsOf(
            Arrays.stream(io.krrkit.local.FaultEndpoint.values())
                .map(e -> e.name() + "=" + e.wireName())
                .toList());
  }
}
