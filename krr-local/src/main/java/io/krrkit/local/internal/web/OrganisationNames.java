package io.krrkit.local.internal.web;

import io.krrkit.core.OrgNumber;
import java.util.Map;
import java.util.Optional;

/** The organisations added on the web page, with their names. */
public interface OrganisationNames {
  /** Every organisation added, with its name. */
  Map<OrgNumber, String> all();

  /** The name of {@code number}, when it was added on the page. */
  Optional<String> find(OrgNumber number);

  /** Adds {@code number} with {@code name}, or renames it when it is there. */
  void put(OrgNumber number, String name);
}
