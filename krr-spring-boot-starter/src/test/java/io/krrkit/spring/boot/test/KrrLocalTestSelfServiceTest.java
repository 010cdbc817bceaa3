package io.krrkit.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.junit.TestClient;
import io.krrkit.selfservice.RegisteredClient;
import io.krrkit.selfservice.SelfServiceClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code @KrrLocalTest(selfService = true)}: the self-service bean reads the emulator's clients.
 */
@SpringBootTest(classes = KrrLocalTestTest.App.class)
@KrrLocalTest(selfService = true)
class KrrLocalTestSelfServiceTest {
  @Autowired SelfServiceClient selfService;
  @Autowired TestClient client;

  @Test
  void theSelfServiceBeanSeesTheTestClient() {
    assertThat(selfService.listClients())
        .extracting(RegisteredClient::clientId)
        .contains(client.clientId());
  }
}
