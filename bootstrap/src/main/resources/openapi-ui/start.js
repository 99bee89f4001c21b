// Starts Swagger UI on OpenCPIS's API description. A file of its own, not an inline script, so
// that the page's content security policy can allow scripts from this origin only.
window.ui = SwaggerUIBundle({url: "/openapi/opencpis-0.1.yml", dom_id: "#swagger-ui"});
