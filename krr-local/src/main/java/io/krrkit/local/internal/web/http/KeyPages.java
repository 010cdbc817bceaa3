package io.krrkit.local.internal.web.http;

import io.krrkit.local.internal.client.ClientRegistry;
import io.krrkit.local.internal.client.ClientRegistryException;
import io.krrkit.local.internal.client.ImportedKey;
import io.krrkit.local.internal.client.KeyImport;
import io.krrkit.local.internal.client.KeyImportException;
import io.krrkit.local.internal.client.KeyRing;
import io.krrkit.local.internal.client.RegisteredClient;
import io.krrkit.local.internal.web.http.KeyViews.KeyRow;
import io.krrkit.local.internal.web.http.KeyViews.KeysView;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * "Nøkler" of one integration: the registered keys with their expiry, and one form that adds a key
 * pasted (JWK or PEM), uploaded (PEM public key or certificate) or generated in the browser ({@code
 * keygen.js}; the private key never reaches the server); delete; rotate (the new key takes the old
 * one's place in one step).
 */
final class KeyPages {
  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  private final ClientRegistry clients;
  private final KeyRing ring;
  private final Clock clock;

  KeyPages(ClientRegistry clients, KeyRing ring, Clock clock) {
    this.clients = clients;
    this.ring = ring;
    this.clock = clock;
  }

  void list(WebContext web) {
    RegisteredClient client = owned(web);
    render(web, 200, client, Form.empty(), web.query("erstatt"));
  }

  void add(WebContext web) throws IOException {
    RegisteredClient client = owned(web);
    Form form = web.form();
    String replaces = form.trimmed("replaces");
    byte[] file = web.upload("key_file", KeyImport.MAX_INPUT + 1);
    try {
      ImportedKey key = read(web, form, file);
      if (key != null) {
        if (replaces == null) {
          ring.add(web.org(), client.clientId(), key);
        } else {
          ring.replace(web.org(), client.clientId(), replaces, key);
        }
        web.redirect(path(client) + "?melding=" + (replaces == null ? "keyAdded" : "keyRotated"));
        return;
      }
    } catch (KeyImportException e) {
      reject(web, form, e, file != null);
    } catch (ClientRegistryException e) {
      // The client was found above: NOT_FOUND is the key being rotated out, gone meanwhile.
      boolean gone = e.reason() == ClientRegistryException.Reason.NOT_FOUND;
      form.reject("key", gone ? web.text("keys.error.replacedGone") : e.getMessage());
    }
    render(web, 400, client, form, replaces);
  }

  void delete(WebContext web) {
    RegisteredClient client = owned(web);
    ring.remove(web.org(), client.clientId(), web.form().trimmed("kid"));
    web.redirect(path(client) + "?melding=keyDeleted");
  }

  /** The key in the form, or {@code null} with messages on {@code form}. */
  private static ImportedKey read(WebContext web, Form form, byte[] file) {
    Instant expires = expiry(web, form);
    String text = form.trimmed("key");
    if (text != null && file != null) {
      form.reject("key", web.text("keys.error.both"));
      return null;
    }
    ImportedKey key =
        file != null
            ? KeyImport.fromFile(file, form.value("kid"))
            : KeyImport.fromText(form.value("key"), form.value("kid"));
    return form.hasErrors() ? null : expires == null ? key : key.withExpiry(expires);
  }

  /** The chosen expiry: the start of that day in Norway; {@code null} when none or invalid. */
  private static Instant expiry(WebContext web, Form form) {
    String day = form.trimmed("expires");
    if (day == null) {
      return null;
    }
    try {
      return LocalDate.parse(day).atStartOfDay(OSLO).toInstant();
    } catch (DateTimeParseException e) {
      form.reject("expires", web.text("keys.error.expiresFormat"));
      return null;
    }
  }

  private static void reject(WebContext web, Form form, KeyImportException e, boolean fromFile) {
    String field =
        switch (e.problem().field()) {
          case "key" -> fromFile ? "key_file" : "key";
          default -> e.problem().field();
        };
    if (e.problem() == KeyImportException.Problem.PRIVATE_KEY) {
      form.with("key", ""); // never show a private key back
    }
    String key = "keys.error." + e.problem().name();
    form.reject(field, e.detail() == null ? web.text(key) : web.text(key, e.detail()));
  }

  private void render(
      WebContext web, int status, RegisteredClient client, Form form, String replaces) {
    Instant now = clock.instant();
    var keys = clients.keys(web.org(), client.clientId()).keys();
    String rotated =
        replaces != null && keys.stream().anyMatch(k -> k.kid().equals(replaces)) ? replaces : null;
    KeysView view =
        new KeysView(
            IntegrationRow.of(client, keys.size()),
            keys.stream().map(k -> KeyRow.of(k, now)).toList(),
            form,
            rotated,
            KeyRing.MAX_KEYS,
            KeyViews.day(now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant()));
    String name = client.clientName() == null ? client.clientId() : client.clientName();
    web.render(status, "keys/list.jte", web.text("keys.title", name), view);
  }

  private RegisteredClient owned(WebContext web) {
    return clients.get(web.org(), web.pathParam("id"));
  }

  private static String path(RegisteredClient client) {
    return "/integrasjoner/" + client.clientId() + "/nokler";
  }
}
