package vn.ocop.storefront.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title, description and authentication of the published OpenAPI document (/v3/api-docs). */
@Configuration(proxyBeanMethods = false)
class OpenApiInfo {

    @Bean
    OpenAPI ocopOpenApi() {
        return new OpenAPI()
                .info(new Info().title("OCOP Marketplace API").version("v1")
                        .description("Vietnam's OCOP specialties: only products whose star ranking is valid today are on sale. "
                                + "Errors are RFC 9457 problem details (application/problem+json)."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
