package io.krrkit.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.IntegrationType;
import io.krrkit.core.OrgNumber;
import io.krrkit.core.Scope;
import io.krrkit.maskinporten.MaskinportenClient;
import io.krrkit.selfservice.Emulator.Running;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scope API against the real emulator over HTTP, as the bootstrap admin (an API owner). */
@ExtendWith(Emulator.class)
class ScopeAdminTest {
  /** A prefix of the bootstrap organisation's: the first to register under it owns it. */
  private static final String PREFIX = "scopeadmintest";

  private static final OrgNumber CUSTOMER = OrgNumber.of("910753614");

  @Test
  void createsReadsUpdatesDeactivatesAndReactivatesAScope(Running emulator) {
    ScopeAdmin scopes = emulator.client().scopes();
    ScopeRequest request =
        ScopeRequest.builder(PREFIX, subscope())
            .description("Demo-API")
            .visibility(Visibility.PRIVATE)
            .atMaxAge(300)
            .allowedIntegrationTypes(List.of(IntegrationType.MASKINPORTEN))
            .build();

    ApiScope created = scopes.create(request);
    Scope name = created.name();
    ApiScope fetched = scopes.get(name);
    ApiScope updated = scopes.update(name, fetched.toRequest().description("Nytt API").build());
    List<ApiScope> listed = scopes.list();
    scopes.delete(name);
    List<ApiScope> afterDelete = scopes.list();
    ApiScope deactivated = scopes.get(name);
    ApiScope reactivated = scopes.update(name, deactivated.toRequest().active(true).build());

    assertThat(name).isEqualTo(request.name());
    assertThat(created.ownerOrgno()).isEqualTo(OrgNumber.of(emulator.bootstrap().orgno()));
    assertThat(created.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(created.tokenType()).isEqualTo(TokenType.SELF_CONTAINED);
    assertThat(created.atMaxAge()).isEqualTo(300);
    assertThat(created.allowedIntegrationTypes()).containsExactly(IntegrationType.MASKINPORTEN);
    assertThat(created.created()).isNotNull();
    assertThat(fetched.description()).isEqualTo("Demo-API");
    assertThat(updated.description()).isEqualTo("Nytt API");
    assertThat(updated.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(listed).extracting(ApiScope::name).contains(name);
    assertThat(afterDelete).extracting(ApiScope::name).doesNotContain(name);
    assertThat(deactivated.isActive()).isFalse();
    assertThat(reactivated.isActive()).isTrue();
  }

  @Test
  void grantsListsAndRevokesAccess(Running emulator) {
    ScopeAdmin scopes = emulator.client().scopes();
    Scope name = create(scopes, "Tilgangsstyrt").name();

    ScopeAccess granted = scopes.grant(name, CUSTOMER);
    List<ScopeAccess> listed = scopes.listAccess(name);
    scopes.revoke(name, CUSTOMER);
    List<ScopeAccess> afterRevoke = scopes.listAccess(name);

    assertThat(granted.scope()).isEqualTo(name);
    assertThat(granted.state()).isEqualTo(AccessState.APPROVED);
    assertThat(granted.consumerOrgno()).isEqualTo(CUSTOMER);
    assertThat(granted.ownerOrgno()).isEqualTo(OrgNumber.of(emulator.bootstrap().orgno()));
    assertThat(listed).extracting(ScopeAccess::consumerOrgno).containsExactly(CUSTOMER);
    assertThat(afterRevoke).isEmpty();
    assertThatThrownBy(() -> scopes.revoke(name, CUSTOMER))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aConsumerSeesTheScopesItWasGranted(Running emulator) {
    Scope name = create(emulator.client().scopes(), "Gitt til kunden").name();
    emulator.client().scopes().grant(name, CUSTOMER);
    SelfServiceClient customer = emulator.adminOf(CUSTOMER, Scope.DCR_READ);

    List<ScopeAccess> granted = customer.scopes().listGranted();

    assertThat(granted)
        .filteredOn(a -> a.scope().equals(name))
        .singleElement()
        .satisfies(a -> assertThat(a.isApproved()).isTrue());
  }

  @Test
  void listsPublicScopesAndDelegationSources(Running emulator) {
    ScopeAdmin scopes = emulator.client().scopes();
    Scope open =
        scopes
            .create(
                ScopeRequest.builder(PREFIX, subscope())
                    .description("Åpent")
                    .accessibleForAll(true)
                    .build())
            .name();
    Scope restricted = create(scopes, "Offentlig, med tilgangsstyring").name();
    Scope hidden =
        scopes
            .create(
                ScopeRequest.builder(PREFIX, subscope())
                    .description("Skjult")
                    .visibility(Visibility.PRIVATE)
                    .build())
            .name();

    List<Scope> all = scopes.listAll().stream().map(ApiScope::name).toList();
    List<Scope> forAll = scopes.listAccessibleForAll().stream().map(ApiScope::name).toList();
    List<DelegationSource> sources = scopes.delegationSources();

    assertThat(all).contains(open, restricted).doesNotContain(hidden);
    assertThat(forAll).contains(open).doesNotContain(restricted, hidden);
    assertThat(sources).extracting(DelegationSource::issuer).contains("https://tt02.altinn.no/");
  }

  @Test
  void readsTheOpenListsWithoutAToken(Running emulator) {
    Scope open = create(emulator.client().scopes(), "Offentlig").name();
    MaskinportenClient unknownClient =
        MaskinportenClient.builder()
            .environment(emulator.maskinportenEnvironment())
            .clientId(UUID.randomUUID().toString())
            .signingKey(Keys.rsa("ukjent"))
            .build();
    ScopeAdmin anonymous = emulator.selfServiceWith(unknownClient).scopes();

    assertThat(anonymous.listAll()).extracting(ApiScope::name).contains(open);
    assertThat(anonymous.delegationSources()).isNotEmpty();
    assertThatThrownBy(anonymous::listGranted).isInstanceOf(SelfServiceTokenException.class);
  }

  @Test
  void anotherOrganisationsScopeIsNotFound(Running emulator) {
    Scope name = create(emulator.client().scopes(), "Ikke din").name();
    ScopeAdmin other = emulator.adminOf(CUSTOMER, Scope.SCOPES_WRITE).scopes();

    assertThatThrownBy(() -> other.get(name))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class,
            e -> {
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.correlationId()).isPresent();
              assertThat(e.getMessage()).contains("No such scope");
            });
    assertThatThrownBy(() -> other.listAccess(name))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> other.grant(name, CUSTOMER))
        .isInstanceOfSatisfying(
            SelfServiceErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void reportsEachInvalidFieldByName(Running emulator) {
    ScopeRequest invalid =
        ScopeRequest.builder(PREFIX, subscope())
            .description("x".repeat(5000))
            .delegationSource("altinn")
            .build();

    assertThat(Refusal.fields(400, () -> emulator.client().scopes().create(invalid)))
        .contains("description", "delegation_source");
  }

  @Test
  void aPrefixOfAnotherOrganisationIsRefused(Running emulator) {
    ScopeRequest digdirs = ScopeRequest.builder("krr", subscope()).description("Ikke vårt").build();

    assertThat(Refusal.fields(403, () -> emulator.client().scopes().create(digdirs)))
        .contains("prefix");
  }

  @Test
  void withoutScopesWriteNoTokenIsIssuedForOwnerCalls(Running emulator) {
    ScopeAdmin reader = emulator.adminOf(CUSTOMER, Scope.DCR_READ).scopes();

    assertThatThrownBy(reader::list)
        .isInstanceOf(SelfServiceTokenException.class)
        .hasMessageContaining("idporten:scopes.write");
  }

  @Test
  void asyncTwinsAnswerTheSame(Running emulator) {
    ScopeAdmin scopes = emulator.client().scopes();
    Scope name = create(scopes, "Asynkront").name();

    ApiScope fetched = scopes.getAsync(name).join();
    List<ScopeAccess> access = scopes.listAccessAsync(name).join();

    assertThat(fetched.name()).isEqualTo(name);
    assertThat(access).isEmpty();
  }

  private static ApiScope create(ScopeAdmin scopes, String description) {
    return scopes.create(ScopeRequest.builder(PREFIX, subscope()).description(description).build());
  }

  private static String subscope() {
    return "api-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
