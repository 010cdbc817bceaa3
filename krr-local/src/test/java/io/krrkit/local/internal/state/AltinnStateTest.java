package io.krrkit.local.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.local.LocalFixture;
import io.krrkit.local.LocalFixture.Answer;
import io.krrkit.local.internal.store.StoreEngine;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Altinn's system users and consents in the state files: exported as the operator API shows them,
 * back as they were after a replace import, a merge twice changes nothing, and a bad item is
 * refused with its file and line. On each storage engine.
 */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class AltinnStateTest {
  private static final String PID = "20914695016";

  @Parameter StoreEngine engine;

  private static LocalFixture fx;
  private static StateCalls calls;

  @BeforeParameterizedClassInvocation
  static void start(StoreEngine engine) {
    fx = LocalFixture.start(engine.emulator().seedPersons(0).adminApi(true));
    calls = new StateCalls(fx);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void reset() {
    fx.krrLocal().controls().reset();
  }

  @Test
  void systemUsersAndConsentsSurviveExportResetImport() {
    Answer user =
        calls.admin(
            "POST",
            "/admin/altinn/system-users",
            Map.of(
                "system_id", "310000027_fagsystem",
                "orgno", "910753614",
                "client_id", "klient-1",
                "external_ref", "kunde-7"));
    Answer consent =
        calls.admin(
            "POST",
            "/admin/altinn/consents",
            Map.of(
                "from", "urn:altinn:person:identifier-no:" + PID,
                "to_orgno", "310000027",
                "valid_to", "2999-01-01T00:00:00Z"));
    JsonNode usersBefore = calls.admin("GET", "/admin/altinn/system-users", null).json();
    JsonNode consentsBefore = calls.admin("GET", "/admin/altinn/consents", null).json();

    Map<String, String> files = calls.export("");
    fx.krrLocal().controls().reset();
    Answer imported = calls.load(files, "");

    assertThat(user.status()).as(user.body()).isEqualTo(201);
    assertThat(consent.status()).as(consent.body()).isEqualTo(201);
    assertThat(files.get("altinn-system-users.json")).contains("kunde-7");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(calls.admin("GET", "/admin/altinn/system-users", null).json())
        .isEqualTo(usersBefore);
    assertThat(calls.admin("GET", "/admin/altinn/consents", null).json()).isEqualTo(consentsBefore);
  }

  @Test
  void mergingTwiceChangesNothingTheSecondTime() {
    Map<String, String> files = new HashMap<>();
    files.put(
        "altinn-system-users.json",
        "[{\"id\":\"6f0c3b8e-2a4f-4b47-9a39-2f6d1c0e8a11\",\"system_id\":\"310000027_fagsystem\","
            + "\"orgno\":\"910753614\",\"client_id\":\"klient-1\"}]");

    Answer first = calls.load(files, "mode=merge");
    JsonNode after = calls.admin("GET", "/admin/altinn/system-users", null).json();
    Answer second = calls.load(files, "mode=merge");

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(after).hasSize(1);
    assertThat(after.get(0).get("external_ref").asText()).isEqualTo("910753614");
    assertThat(calls.admin("GET", "/admin/altinn/system-users", null).json()).isEqualTo(after);
  }

  @Test
  void aSystemUserWithoutIdIsKeyedByClientOrganisationAndExternalRef() {
    Map<String, String> files = new HashMap<>();
    files.put(
        "altinn-system-users.json",
        "[{\"system_id\":\"310000027_fagsystem\",\"orgno\":\"910753614\","
            + "\"client_id\":\"klient-2\"}]");

    calls.load(files, "mode=merge");
    JsonNode after = calls.admin("GET", "/admin/altinn/system-users", null).json();
    Answer second = calls.load(files, "mode=merge");

    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(after).hasSize(1);
    assertThat(calls.admin("GET", "/admin/altinn/system-users", null).json()).isEqualTo(after);
  }

  @Test
  void aConsentInTheFilesNeedsItsId() {
    Map<String, String> files = new HashMap<>();
    files.put(
        "altinn-consents.json",
        "[{\"from\":\"urn:altinn:organization:identifier-no:910753614\","
            + "\"to_orgno\":\"310000027\",\"valid_to\":\"2999-01-01T00:00:00Z\"}]");

    Answer refused = calls.load(files, "");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("altinn-consents.json", "id is missing");
  }

  @Test
  void aBadItemIsRefusedWithItsFileAndLineAndNothingChanges() {
    Map<String, String> files = new HashMap<>();
    files.put(
        "altinn-consents.json",
        "[\n {\"id\":\"6f0c3b8e-2a4f-4b47-9a39-2f6d1c0e8a12\",\"from\":\""
            + PID
            + "\",\"to_orgno\":\"310000027\",\"valid_to\":\"2999-01-01T00:00:00Z\"}\n]");

    Answer refused = calls.load(files, "");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("altinn-consents.json", "from must be").doesNotContain(PID);
    assertThat(calls.admin("GET", "/admin/altinn/consents", null).json()).isEmpty();
  }
}
