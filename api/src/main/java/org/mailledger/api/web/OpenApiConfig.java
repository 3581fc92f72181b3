package org.mailledger.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): both
 * logins, and the problem+json answers every operation can give, with their meaning.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

  private static final Map<String, String> ERRORS =
      Map.of(
          "400",
              "invalid input (urn:mailledger:problem:invalid-value, unknown-field, malformed-body, or a rule such as quota-above-domain-max); nothing was changed",
          "401", "no or wrong credentials (urn:mailledger:problem:unauthorized)",
          "403",
              "the login may not do this, e.g. a domain admin outside its domains (urn:mailledger:problem:forbidden)",
          "404", "unknown domain, mailbox, alias or policy (urn:mailledger:problem:unknown-*)",
          "409",
              "conflict: address-taken, domain-exists, domain-not-empty, mailbox-referenced, *-limit-reached, version-clash",
          "429",
              "too many failed logins from this address (urn:mailledger:problem:too-many-attempts)",
          "503",
              "the database is unreachable; nothing was changed (urn:mailledger:problem:unavailable)");

  @Bean
  public OpenAPI mailledgerOpenApi() {
    ObjectSchema problem = new ObjectSchema();
    problem.addProperty("type", new StringSchema().example("urn:mailledger:problem:address-taken"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty(
        "field", new StringSchema().description("the offending field, for invalid-value"));
    return new OpenAPI()
        .info(
            new Info()
                .title("Mailledger API")
                .version("v1")
                .description(
                    "Commands that change a Postfix/Dovecot setup, each kept as events in an append-only log."
                        + " Writes answer with the log position of their last event; with ?wait=true they return"
                        + " once every lookup-table layout has applied it, or 202 after a bounded wait."))
        .components(
            new Components()
                .addSchemas("Problem", problem)
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  /** Adds the problem answers to every operation that does not describe them itself. */
  @Bean
  public OpenApiCustomizer problemResponses() {
    return openApi ->
        openApi
            .getPaths()
            .values()
            .forEach(
                path ->
                    path.readOperations()
                        .forEach(
                            operation ->
                                ERRORS.forEach(
                                    (status, meaning) -> {
                                      if (!operation.getResponses().containsKey(status)) {
                                        operation
                                            .getResponses()
                                            .addApiResponse(
                                                status,
                                                new ApiResponse()
                                                    .description(meaning)
                                                    .content(
                                                        new Content()
                                                            .addMediaType(
                                                                "application/problem+json",
                                                                new MediaType()
                                                                    .schema(
                                                                        new ObjectSchema()
                                                                            .$ref(
                                                                                "#/components/schemas/Problem")))));
                                      }
                                    })));
  }
}
