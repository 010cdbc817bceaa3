package io.krrkit.local.internal.web.http;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core in the browser against WCAG 2.1 A and AA, fails on any serious or critical
 * violation with the rule ids and the elements, and keeps a summary of every page checked for
 * {@code target/axe/<TestClass>.json}.
 */
final class AxeCheck {
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final List<String> BLOCKING = List.of("serious", "critical");

  private final List<Map<String, Object>> pages = new ArrayList<>();

  /** Checks the page the browser shows, recording it as {@code name}. */
  void check(WebDriver driver, String name) {
    Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
    if (results.isErrored()) {
      throw new AssertionError("axe could not run on " + name + ": " + results.getErrorMessage());
    }
    Map<String, Long> byImpact =
        results.getViolations().stream()
            .collect(
                Collectors.groupingBy(
                    r -> String.valueOf(r.getImpact()), TreeMap::new, Collectors.counting()));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("page", name);
    summary.put("url", driver.getCurrentUrl());
    summary.put("violationsByImpact", byImpact);
    summary.put("violations", results.getViolations().stream().map(AxeCheck::describe).toList());
    summary.put("passes", results.getPasses().size());
    summary.put("incomplete", results.getIncomplete().size());
    pages.add(summary);
    List<String> blocking =
        results.getViolations().stream()
            .filter(r -> BLOCKING.contains(r.getImpact()))
            .map(AxeCheck::describe)
            .toList();
    if (!blocking.isEmpty()) {
      throw new AssertionError(
          "axe found serious/critical WCAG 2.1 AA violations on "
              + name
              + " ("
              + driver.getCurrentUrl()
              + "):\n  "
              + String.join("\n  ", blocking));
    }
  }

  /** Writes the summary of every page checked to {@code file}, if any was. */
  void write(Path file) {
    if (pages.isEmpty()) {
      return;
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("standard", TAGS);
    report.put("pagesChecked", pages.size());
    report.put(
        "violationsByImpact",
        pages.stream()
            .flatMap(p -> ((Map<?, ?>) p.get("violationsByImpact")).entrySet().stream())
            .collect(
                Collectors.groupingBy(
                    e -> (String) e.getKey(),
                    TreeMap::new,
                    Collectors.summingLong(e -> (Long) e.getValue()))));
    report.put("pages", pages);
    try {
      Files.createDirectories(file.getParent());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(file.toFile(), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Rule rule) {
    List<String> targets = rule.getNodes().stream().map(AxeCheck::target).toList();
    return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at " + targets;
  }

  private static String target(CheckedNode node) {
    return String.valueOf(node.getTarget());
  }
}
