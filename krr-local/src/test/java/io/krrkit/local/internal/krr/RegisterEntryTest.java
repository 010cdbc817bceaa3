package io.krrkit.local.internal.krr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.JaNei;
import io.krrkit.core.krr.KrrTimestamps;
import io.krrkit.core.krr.Status;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RegisterEntryTest {
  static final Personidentifikator KARI = Personidentifikator.of("01817090148");
  static final OffsetDateTime WHEN = KrrTimestamps.parse("2023-06-13T13:42:34+02");

  @Test
  void refusesToStoreIkkeRegistrert() {
    assertThatThrownBy(
            () ->
                new RegisterEntry(
                    KARI, Status.IKKE_REGISTRERT, null, null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leave the person out");
  }

  @Test
  void refusesAnythingButTheIdentityOnASlettetEntry() {
    assertThatThrownBy(
            () ->
                new RegisterEntry(
                    KARI, Status.SLETTET, JaNei.NEI, null, null, null, null, null, "nb", WHEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RegisterEntry.slettet");
  }

  @Test
  void refusesAReservationTimeWithoutAReservation() {
    assertThatThrownBy(
            () ->
                new RegisterEntry(
                    KARI, Status.AKTIV, JaNei.NEI, WHEN, WHEN, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reservasjon=JA");
  }

  @Test
  void refusesALanguageKrrDoesNotKnow() {
    assertThatThrownBy(() -> RegisterEntry.aktiv(KARI).spraak("sv", WHEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spraak must be one of");
  }

  @Test
  void refusesAMailboxSupplierThatIsNotAnOrganisationNumber() {
    assertThatThrownBy(() -> RegisterEntry.aktiv(KARI).digitalPost("kari#1", "123", null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("organisation number");
  }

  @Test
  void readsEmptyValuesAsAbsent() {
    RegisterEntry e = RegisterEntry.aktiv(KARI).epost("", null, null).spraak(" ", null).build();

    assertThat(e.kontaktinformasjon()).isNull();
    assertThat(e.spraak()).isNull();
    assertThat(e.reservasjon()).isEqualTo(JaNei.NEI);
  }

  @Test
  void masksTheIdentityNumberInToString() {
    assertThat(RegisterEntry.slettet(KARI).toString())
        .doesNotContain(KARI.value())
        .contains("0181****148");
  }
}
