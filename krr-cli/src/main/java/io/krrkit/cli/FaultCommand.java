package io.krrkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.krrkit.cli.AdminCommand.Operator;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code krr admin fault}: the emulator's fault rules ({@code /admin/faults}, see
 * docs/testing.md#fault-injection). Each option of {@code add} is the operator API's field of the
 * same name, so the emulator checks the rule and its 400 message names the field.
 */
@Command(
    name = "fault",
    mixinStandardHelpOptions = true,
    description = "Makes an endpoint of the emulator fail on purpose: statuses, latency, resets.",
    subcommands = {
      FaultCommand.Add.class,
      FaultCommand.ListRules.class,
      FaultCommand.Show.class,
      FaultCommand.Remove.class,
      FaultCommand.Clear.class
    })
final class FaultCommand {
  private static final String RULES = "/admin/faults";

  private FaultCommand() {}

  /** Prints one rule: the API's JSON with {@code --json}, else its fields as aligned lines. */
  abstract static class RuleOperator extends Operator {
    int show(JsonNode rule) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, rule);
        return ExitCode.OK.code;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      rule.properties()
          .forEach(
              f -> {
                JsonNode v = f.getValue();
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.asText()));
                String text = v.isArray() ? String.join(",", items) : v.asText();
                fields.put(f.getKey(), v.isNull() ? "all" : text); // only remaining is ever null
              });
      Table.fields(out, fields);
      return ExitCode.OK.code;
    }
  }

  /** {@code krr admin fault add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a fault rule after the rules in force and prints it with its id.",
        "Give --status, --connection, --sequence or --latency (alone: the real answer, late),",
        "then optionally when it applies: --times, --probability, --from/--until. POST",
        "/admin/faults; a rule that cannot apply is refused naming the field, nothing added.",
        "",
        "  krr admin fault add --endpoint token --status 503 --retry-after 0 --times 2",
        "  krr admin fault add --endpoint krr_lookup --sequence 503,503,pass",
        "  krr admin fault add --endpoint jwks --latency PT0.5S --jitter PT0.2S"
      })
  static final class Add extends RuleOperator implements Callable<Integer> {
    @Option(
        names = "--endpoint",
        required = true,
        paramLabel = "GROUP",
        description = "token, jwks, metadata, krr_lookup, krr_changes, selfservice or idporten.")
    String endpoint;

    @Option(
        names = "--status",
        paramLabel = "N",
        description = "Answer this status (200-599) in the service's error shape.")
    Integer status;

    @Option(
        names = "--retry-after",
        paramLabel = "SECONDS",
        description = "Retry-After sent with the status (429 and 503 default to 1; 0 in tests).")
    Integer retryAfter;

    @Option(
        names = "--connection",
        paramLabel = "reset|no_answer",
        description = "Drop the connection (reset) or hold it without an answer (no_answer).")
    String connection;

    @Option(
        names = "--hold",
        paramLabel = "DURATION",
        description = "How long no_answer holds the request (ISO 8601, default PT60S).")
    String hold;

    @Option(
        names = "--sequence",
        split = ",",
        paramLabel = "STEP",
        description = "One step per request, then the rule ends: statuses, reset, no_answer, pass.")
    List<String> sequence;

    @Option(
        names = "--latency",
        paramLabel = "DURATION",
        description = "Wait this long before the answer (ISO 8601, e.g. PT0.5S).")
    String latency;

    @Option(
        names = "--jitter",
        paramLabel = "DURATION",
        description = "Wait up to this much longer, drawn at random.")
    String jitter;

    @Option(names = "--times", paramLabel = "N", description = "Only the next N requests.")
    Integer times;

    @Option(
        names = "--probability",
        paramLabel = "P",
        description = "The chance (0 to 1) that the rule applies to a request.")
    Double probability;

    @Option(
        names = "--seed",
        paramLabel = "N",
        description = "Seed of the random draws, for a repeatable run.")
    Long seed;

    @Option(
        names = "--from",
        paramLabel = "INSTANT",
        description = "Applies from this instant on the emulator's clock (ISO 8601).")
    String from;

    @Option(
        names = "--until",
        paramLabel = "INSTANT",
        description = "Applies until this instant on the emulator's clock (ISO 8601).")
    String until;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("endpoint", endpoint);
      rule.put("status", status);
      rule.put("retry_after", retryAfter);
      rule.put("connection", connection);
      rule.put("hold", hold);
      rule.put("sequence", sequence == null ? null : steps(sequence));
      rule.put("latency", latency);
      rule.put("jitter", jitter);
      rule.put("times", times);
      rule.put("probability", probability);
      rule.put("seed", seed);
      rule.put("from", from);
      rule.put("until", until);
      rule.values().removeIf(v -> v == null);
      return show(api().send("POST", RULES, rule));
    }

    /** Statuses as numbers, the rest as the words the API takes (it checks them). */
    private static List<Object> steps(List<String> sequence) {
      List<Object> steps = new ArrayList<>();
      for (String step : sequence) {
        String s = step.strip();
        steps.add(s.matches("\\d{1,9}") ? (Object) Integer.valueOf(s) : s);
      }
      return steps;
    }
  }

  /** {@code krr admin fault list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the rules in force, oldest first, with how many requests each met.")
  static final class ListRules extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      JsonNode answer = api().get(RULES);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Output.json(out, answer);
        return ExitCode.OK.code;
      }
      JsonNode rules = answer.path("rules");
      if (rules.isEmpty()) {
        out.println("no fault rules");
        return ExitCode.OK.code;
      }
      Table table = Table.of("ID", "ENDPOINT", "FAULT", "LATENCY", "WHEN", "APPLIED", "REMAINING");
      for (JsonNode rule : rules) {
        table.row(
            rule.path("id").asText(),
            rule.path("endpoint").asText(),
            fault(rule),
            latency(rule),
            when(rule),
            rule.path("applied").asInt(),
            rule.path("remaining").isNull() ? "all" : rule.path("remaining").asText());
      }
      table.print(out);
      return ExitCode.OK.code;
    }

    private static String fault(JsonNode rule) {
      StringJoiner fault = new StringJoiner(" ").setEmptyValue("-");
      if (rule.has("sequence")) {
        List<String> steps = new ArrayList<>();
        rule.path("sequence").forEach(s -> steps.add(s.asText()));
        fault.add(String.join(",", steps));
      } else if (rule.has("status")) {
        fault.add(rule.path("status").asText());
      } else if (rule.has("connection")) {
        fault.add(rule.path("connection").asText());
      }
      if (rule.has("retry_after")) {
        fault.add("retry_after=" + rule.path("retry_after").asText());
      }
      if (rule.has("hold")) {
        fault.add("hold=" + rule.path("hold").asText());
      }
      return fault.toString();
    }

    private static String latency(JsonNode rule) {
      if (!rule.has("latency")) {
        return rule.has("jitter") ? "+" + rule.path("jitter").asText() : null;
      }
      return rule.path("latency").asText()
          + (rule.has("jitter") ? "+" + rule.path("jitter").asText() : "");
    }

    private static String when(JsonNode rule) {
      StringJoiner when = new StringJoiner(" ").setEmptyValue("always");
      for (String field : new String[] {"times", "probability", "seed", "from", "until"}) {
        if (rule.has(field)) {
          when.add(field + "=" + rule.path(field).asText());
        }
      }
      return when.toString();
    }
  }

  /** {@code krr admin fault show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows one rule and how many requests it met.")
  static final class Show extends RuleOperator implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The rule's id, as add and list print it.")
    String id;

    @Override
    public Integer call() throws Exception {
      return show(api().get(RULES + "/" + segment(id)));
    }
  }

  /** {@code krr admin fault remove}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Removes one rule, releasing the requests it holds or delays.")
  static final class Remove extends Operator implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The rule's id, as add and list print it.")
    String id;

    @Override
    public Integer call() throws Exception {
      api().send("DELETE", RULES + "/" + segment(id), null);
      spec.commandLine().getOut().println("removed " + id);
      return ExitCode.OK.code;
    }
  }

  /** {@code krr admin fault clear}. */
  @Command(
      name = "clear",
      mixinStandardHelpOptions = true,
      description = "Removes every rule (as 'krr admin reset' does), releasing held requests.")
  static final class Clear extends Operator implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      api().send("DELETE", RULES, null);
      spec.commandLine().getOut().println("fault rules cleared");
      return ExitCode.OK.code;
    }
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
