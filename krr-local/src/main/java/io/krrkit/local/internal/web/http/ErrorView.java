package io.krrkit.local.internal.web.http;

/**
 * The model of the error page ({@code error.jte}).
 *
 * @param status the HTTP status
 * @param heading what went wrong, in a few words
 * @param text what to do now
 */
public record ErrorView(int status, String heading, String text) {}
