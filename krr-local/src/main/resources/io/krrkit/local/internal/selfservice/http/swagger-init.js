// Starts Swagger UI on the emulator's self-service OpenAPI document. The URL is relative to this
// page, so the page works behind any base URL.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: new URL("../v3/api-docs", window.location.href).toString(),
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
