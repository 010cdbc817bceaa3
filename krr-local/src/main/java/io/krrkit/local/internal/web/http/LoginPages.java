package io.krrkit.local.internal.web.http;

import io.krrkit.core.OrgNumber;
import io.krrkit.core.Personidentifikator;
import io.krrkit.local.internal.krr.PersonDirectory;
import io.krrkit.local.internal.krr.synthetic.KnownPersons;
import io.krrkit.local.internal.web.Organisations;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The log-in page standing in for ID-porten / Ansattporten: choose a test person and the
 * organisation to act for, or add an organisation; log out; switch organisation.
 */
final class LoginPages {
  private static final int NAME_MAX = 255;

  /** How many persons the page lists. */
  private static final int LISTED = 12;

  private static final Map<Personidentifikator, String> KNOWN =
      Map.of(
          KnownPersons.DIGDIR_EXAMPLE, "person.digdirExample",
          KnownPersons.ACTIVE, "person.active",
          KnownPersons.WITH_DIGITAL_POST, "person.digitalPost",
          KnownPersons.RESERVED, "person.reserved",
          KnownPersons.STALE, "person.stale",
          KnownPersons.SLETTET, "person.slettet",
          KnownPersons.EMAIL_ONLY, "person.emailOnly",
          KnownPersons.MOBILE_ONLY, "person.mobileOnly");

  private final Site site;
  private final PersonDirectory persons;
  private final Organisations organisations;

  LoginPages(Site site, PersonDirectory persons, Organisations organisations) {
    this.site = site;
    this.persons = persons;
    this.organisations = organisations;
  }

  /** {@code /}: the integrations once logged in, else the log-in page. */
  void home(WebContext web) {
    web.redirect(web.session().signedIn() ? "/integrasjoner" : "/logg-inn");
  }

  void form(WebContext web) {
    Form login = Form.empty().with("org", preselectedOrg(web));
    render(web, 200, login, Form.empty());
  }

  void signIn(WebContext web) {
    Form form = web.form();
    String pid = form.trimmed("person");
    String org = form.trimmed("org");
    if (pid == null || !Personidentifikator.isValid(pid) || !persons.exists(pid)) {
      form.reject("person", web.text("login.person.missing"));
    }
    if (org == null || !OrgNumber.isValid(org) || !organisations.isKnown(OrgNumber.of(org))) {
      form.reject("org", web.text("login.org.missing"));
    }
    if (form.hasErrors()) {
      render(web, 400, form, Form.empty());
      return;
    }
    web.replaceSession(
        site.signedIn(web.session().language(), Personidentifikator.of(pid), OrgNumber.of(org)));
    web.redirect("/integrasjoner");
  }

  void signOut(WebContext web) {
    web.replaceSession(site.anonymous(web.session().language()));
    web.redirect("/logg-inn?melding=signedOut");
  }

  void addOrganisation(WebContext web) {
    Form form = web.form();
    String name = form.trimmed("org_name");
    String number = form.trimmed("org_number");
    if (name == null) {
      form.reject("org_name", web.text("org.name.missing"));
    } else if (name.length() > NAME_MAX) {
      form.reject("org_name", web.text("org.name.tooLong", NAME_MAX, name.length()));
    }
    if (number == null) {
      form.reject("org_number", web.text("org.number.missing"));
    } else if (!OrgNumber.isValid(number)) {
      form.reject("org_number", web.text("org.number.invalid"));
    }
    if (form.hasErrors()) {
      render(web, 400, Form.empty().with("org", preselectedOrg(web)), form);
      return;
    }
    organisations.add(OrgNumber.of(number), name);
    web.redirect("/logg-inn?melding=orgAdded&org=" + number);
  }

  void switchOrganisation(WebContext web) {
    String org = web.form().trimmed("org");
    if (org == null || !OrgNumber.isValid(org) || !organisations.isKnown(OrgNumber.of(org))) {
      throw WebException.notFound();
    }
    web.replaceSession(web.session().actingFor(OrgNumber.of(org)));
    web.redirect("/integrasjoner?melding=orgSwitched");
  }

  private void render(WebContext web, int status, Form login, Form addOrganisation) {
    String query = web.query("q");
    List<LoginView.PersonChoice> choices =
        offered(query).stream()
            .map(p -> new LoginView.PersonChoice(p, KNOWN.get(Personidentifikator.of(p))))
            .toList();
    LoginView view =
        new LoginView(
            query == null ? "" : query, choices, organisations.all(), login, addOrganisation);
    web.render(status, "login.jte", web.text("login.title"), view);
  }

  /**
   * Up to {@link #LISTED} identity numbers starting with the digits of {@code query}: the known
   * persons first (whatever their status), then the register's active persons.
   */
  private List<String> offered(String query) {
    String digits = PersonDirectory.digits(query);
    Set<String> found = new LinkedHashSet<>();
    KnownPersons.ALL.stream()
        .filter(p -> p != KnownPersons.NOT_REGISTERED && p.value().startsWith(digits))
        .forEach(p -> found.add(p.value()));
    found.addAll(persons.active(digits, LISTED));
    return found.stream().limit(LISTED).toList();
  }

  private String preselectedOrg(WebContext web) {
    String asked = web.query("org");
    if (asked != null && OrgNumber.isValid(asked)) {
      return asked;
    }
    return web.session().organisation().map(OrgNumber::value).orElse("");
  }
}
