// Starts Swagger UI (loaded before this script by docs.html) on the service's own description.
declare const SwaggerUIBundle: ((options: Record<string, unknown>) => unknown) & { presets: { apis: unknown } };

SwaggerUIBundle({
  url: '../openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  // Keys typed into "Authorize" survive a reload of the page.
  persistAuthorization: true,
  // Each operation shows its first example; "Try it out" sends it as it is.
  tryItOutEnabled: false,
  displayRequestDuration: true,
  // Swagger UI would otherwise load a badge from validator.swagger.io: the reference stays offline.
  validatorUrl: null,
  deepLinking: true,
});
