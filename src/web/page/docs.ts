// Starts Swagger UI (loaded before this script by docs.html) on the service's own description.
declare const SwaggerUIBundle: ((options: Record<string, unknown>) => unknown) & { presets: { apis: unknown } };

SwaggerUIBundle({
  url: '../openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  // A key typed into "Authorize" lasts as long as the page: kept in localStorage, it would outlive
  // the session and be readable by any script served from this origin.
  persistAuthorization: false,
  // Each operation shows its first example; "Try it out" sends it as it is.
  tryItOutEnabled: false,
  displayRequestDuration: true,
  // Swagger UI would otherwise load a badge from validator.swagger.io: the reference stays offline.
  validatorUrl: null,
  deepLinking: true,
});
