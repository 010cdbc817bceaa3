package io.krrkit.local.internal.web.http;

import io.krrkit.local.internal.web.Organisation;
import java.util.List;

/**
 * The model of the log-in page ({@code login.jte}).
 *
 * @param query what was searched for among the test persons
 * @param persons the test persons to choose among
 * @param organisations the organisations to act for
 * @param login the log-in form (fields {@code person}, {@code org})
 * @param addOrganisation the form that adds an organisation (fields {@code org_name}, {@code
 *     org_number})
 */
public record LoginView(
    String query,
    List<PersonChoice> persons,
    List<Organisation> organisations,
    Form login,
    Form addOrganisation) {

  /**
   * A test person on the log-in page.
   *
   * @param pid the synthetic identity number
   * @param descriptionKey text key saying what a lookup shows for a known person, or {@code null}
   */
  public record PersonChoice(String pid, String descriptionKey) {}
}
