package io.krrkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.krrkit.local.KrrLocal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KrrLocalExtension.class)
class ExtendWithTest {

  @Test
  void injectsTheRunningEmulatorOnAFreePort(KrrLocal krr) throws Exception {
    HttpResponse<String> metadata =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            krr.maskinportenIssuer() + ".well-known/oauth-authorization-server"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(krr.baseUrl()).doesNotEndWith(":7070");
    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.body()).contains(krr.maskinportenIssuer());
  }
}
