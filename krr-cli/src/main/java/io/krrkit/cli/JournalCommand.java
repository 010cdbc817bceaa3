package io.krrkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.cli.AdminCommand.Operator;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code krr admin journal}: the emulator's request journal ({@code GET /admin/journal} and {@code
 * /admin/journal/counts}), newest first, as a table or JSON. The filters are the operator API's;
 * the emulator checks them and a bad one is its 400 message.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description =
        "Shows the last requests to the emulated services, newest first (no secrets, no identity"
            + " numbers), or how many there were (--counts).")
final class JournalCommand extends Operator implements Callable<Integer> {
  @Option(
      names = "--service",
      description = "maskinporten, kontaktregisteret, selvbetjening, idporten or web.")
  String service;

  @Option(names = "--path", description = "Path prefix, e.g. /maskinporten/token.")
  String path;

  @Option(names = "--client", description = "The calling client's id.")
  String client;

  @Option(names = "--status", description = "A status (401) or a class (4xx).")
  String status;

  @Option(names = "--since", description = "At or after this instant (ISO 8601, emulator clock).")
  String since;

  @Option(names = "--last", description = "The newest N entries (default 100).")
  Integer last;

  @Option(names = "--counts", description = "How many match, by service, status and client.")
  boolean counts;

  @Option(names = "--clear", description = "Forget every entry (takes no other option).")
  boolean clear;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (clear) {
      if (service != null
          || path != null
          || client != null
          || status != null
          || since != null
          || last != null
          || counts) {
        throw new CliErrors.Failure(
            ExitCode.USAGE, "--clear forgets every entry and takes no filter, --last or --counts");
      }
      api().send("DELETE", "/admin/journal", null);
      out.println("journal cleared");
      return ExitCode.OK.code;
    }
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("service", service);
    filters.put("path", path);
    filters.put("client", client);
    filters.put("status", status);
    filters.put("since", since);
    if (last != null && last < 1) {
      throw new CliErrors.Failure(ExitCode.USAGE, "--last must be 1 or more");
    }
    if (!counts) {
      filters.put("limit", last);
    } else if (last != null) {
      throw new CliErrors.Failure(ExitCode.USAGE, "--last and --counts do not go together");
    }
    JsonNode answer =
        api().get((counts ? "/admin/journal/counts" : "/admin/journal") + query(filters));
    if (json) {
      Output.json(out, answer);
    } else if (counts) {
      printCounts(out, answer);
    } else {
      printEntries(out, answer);
    }
    return ExitCode.OK.code;
  }

  private static String query(Map<String, Object> filters) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    filters.forEach(
        (name, value) -> {
          if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }

  private static void printEntries(PrintWriter out, JsonNode answer) {
    JsonNode entries = answer.path("entries");
    if (entries.isEmpty()) {
      out.println("no requests match (" + answer.path("recorded").asLong() + " recorded)");
      return;
    }
    Table table = Table.of("TIME", "METHOD", "PATH", "STATUS", "CLIENT", "MS", "DETAILS");
    for (JsonNode e : entries) {
      StringJoiner details = new StringJoiner(" ");
      e.path("details")
          .properties()
          .forEach(d -> details.add(d.getKey() + "=" + d.getValue().asText()));
      if (!e.path("trace_id").isNull() && e.has("trace_id")) {
        details.add("trace_id=" + e.path("trace_id").asText());
      }
      table.row(
          e.path("time").asText(),
          e.path("method").asText(),
          e.path("path").asText(),
          e.path("status").asInt(),
          e.path("client_id").isNull() ? null : e.path("client_id").asText(),
          String.format(java.util.Locale.ROOT, "%.1f", e.path("duration_ms").asDouble()),
          details.toString());
    }
    table.print(out);
    out.println(
        entries.size() + " of " + answer.path("count").asLong() + " matching, newest first");
  }

  private static void printCounts(PrintWriter out, JsonNode answer) {
    out.println("requests: " + answer.path("count").asLong());
    for (String group : new String[] {"by_service", "by_status", "by_client"}) {
      JsonNode byGroup = answer.path(group);
      if (byGroup.isEmpty()) {
        continue;
      }
      Table table = Table.of(group.substring(3).toUpperCase(java.util.Locale.ROOT), "COUNT");
      byGroup.properties().forEach(c -> table.row(c.getKey(), c.getValue().asLong()));
      out.println();
      table.print(out);
    }
  }
}
