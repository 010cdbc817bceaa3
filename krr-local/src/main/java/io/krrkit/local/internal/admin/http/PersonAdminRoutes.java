package io.krrkit.local.internal.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.krrkit.core.InvalidIdentifierException;
import io.krrkit.core.Personidentifikator;
import io.krrkit.core.krr.Person;
import io.krrkit.local.internal.http.Json;
import io.krrkit.local.internal.http.RequestBody;
import io.krrkit.local.internal.krr.Register;
import io.krrkit.local.internal.krr.RegisterEntry;
import io.krrkit.local.internal.krr.synthetic.RegisterSeeder;
import io.krrkit.local.internal.krr.synthetic.SyntheticRegister;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Operator API for the KRR register, in KRR's own JSON field names:
 *
 * <ul>
 *   <li>{@code POST /admin/persons/seed {"count": 10000, "seed": 1}}: replaces the register with
 *       the known persons and the registered part of a synthetic population of {@code count},
 *       computed (it answers {@code "stored": 0}: what it stores is only the population's record);
 *   <li>{@code GET /admin/persons}: exports every person the store holds over the population
 *       (written or changed by the operator API, the web page, state files) as JSON Lines;
 *   <li>{@code GET|PUT|PATCH|DELETE /admin/persons/{id}}: shows, replaces (a person body such as
 *       {@code {"reservasjon":"JA","reservasjonstidspunkt":"2024-01-01T10:00:00+01"}}), merges a
 *       JSON merge patch (RFC 7396) into, or deletes ({@code SLETTET}; with {@code ?purge=true}
 *       forgets, so the person is {@code IKKE_REGISTRERT} again) one person.
 * </ul>
 *
 * Contact information goes stale (18-month rule) by its timestamps; move the clock with {@code PUT
 * /admin/clock} to age it. Every write renews the person's change id, so the change feed sees it.
 */
public final class PersonAdminRoutes {
  private static final String PERSONS = "/admin/persons";
  private static final String ID = "personidentifikator";

  private final Register register;
  private final RegisterSeeder seeder;
  private final ObjectMapper json = Json.krr();
  private final PersonBody bodies = new PersonBody(json);

  /** Serves {@code register}, reseeding it with {@code seeder}. */
  public PersonAdminRoutes(Register register, RegisterSeeder seeder) {
    this.register = register;
    this.seeder = seeder;
  }

  /** Adds the routes under {@code /admin/persons}. */
  public void register(RoutesConfig routes) {
    routes.post(PERSONS + "/seed", this::seed);
    routes.get(PERSONS, this::export);
    routes.get(PERSONS + "/{id}", this::show);
    routes.put(PERSONS + "/{id}", this::put);
    routes.patch(PERSONS + "/{id}", this::patch);
    routes.delete(PERSONS + "/{id}", this::delete);
  }

  private void seed(Context ctx) {
    JsonNode body = bodies.object(RequestBody.text(ctx));
    JsonNode count = body.path("count");
    JsonNode seed = body.path("seed");
    if (!count.isIntegralNumber()
        || count.asLong() < 0
        || count.asLong() > SyntheticRegister.MAX_POPULATION
        || !(seed.isMissingNode() || seed.isIntegralNumber())) {
      throw new AdminRequestException(
          "body must be {\"count\": 0.."
              + SyntheticRegister.MAX_POPULATION
              + ", \"seed\": <whole number, default 1>}");
    }
    long seedValue = seed.isMissingNode() ? 1L : seed.asLong();
    if (!seeder.reseed(count.asInt(), seedValue)) {
      AdminErrors.conflict(
          ctx, "another node on this store is drawing the register now; try again when it is done");
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("count", count.asInt());
    answer.put("seed", seedValue);
    answer.put("stored", register.count());
    ctx.json(answer);
  }

  private void export(Context ctx) throws IOException {
    ctx.contentType("application/x-ndjson;charset=UTF-8");
    try (SequenceWriter lines =
        json.writer().withRootValueSeparator("\n").writeValues(ctx.outputStream())) {
      long[] written = {0};
      register.forEach(
          entry -> {
            writeLine(lines, register.describe(entry));
            written[0]++;
          });
      lines.flush();
      if (written[0] > 0) {
        ctx.outputStream().write('\n');
      }
    }
  }

  private void show(Context ctx) {
    Optional<RegisterEntry> entry = register.find(id(ctx));
    if (entry.isEmpty()) {
      AdminErrors.notFound(ctx, notRegistered());
      return;
    }
    answer(ctx, entry.get());
  }

  private void put(Context ctx) {
    Personidentifikator id = id(ctx);
    RegisterEntry entry = bodies.entry(id, bodies.object(RequestBody.text(ctx)));
    ctx.status(register.put(entry) ? 201 : 200);
    answer(ctx, entry);
  }

  private void patch(Context ctx) {
    Personidentifikator id = id(ctx);
    Optional<RegisterEntry> current = register.find(id);
    if (current.isEmpty()) {
      AdminErrors.notFound(ctx, notRegistered() + "; PUT the whole person first");
      return;
    }
    ObjectNode merged = json.valueToTree(register.describe(current.get()));
    MergePatch.apply(merged, bodies.object(RequestBody.text(ctx)));
    RegisterEntry entry = bodies.entry(id, merged);
    register.put(entry);
    answer(ctx, entry);
  }

  private void delete(Context ctx) {
    Personidentifikator id = id(ctx);
    boolean purge = "true".equals(ctx.queryParam("purge"));
    if (!(purge ? register.purge(id) : register.delete(id))) {
      AdminErrors.notFound(ctx, notRegistered());
      return;
    }
    if (purge) {
      ctx.status(204);
    } else {
      answer(ctx, RegisterEntry.slettet(id));
    }
  }

  private void answer(Context ctx, RegisterEntry entry) {
    ctx.contentType("application/json;charset=UTF-8")
        .result(bodies.write(register.describe(entry)));
  }

  private void writeLine(SequenceWriter lines, Person person) {
    try {
      lines.write(person);
    } catch (IOException e) {
      throw new UncheckedIOException("export interrupted", e);
    }
  }

  private static Personidentifikator id(Context ctx) {
    try {
      return Personidentifikator.of(ctx.pathParam("id"));
    } catch (InvalidIdentifierException e) {
      throw new AdminRequestException(
          "the path must end in an 11-digit identity number with valid control digits ("
              + e.rule()
              + " failed)");
    }
  }

  private static String notRegistered() {
    return "the register holds no person with that " + ID;
  }
}
