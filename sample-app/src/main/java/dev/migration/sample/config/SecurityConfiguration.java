package dev.migration.sample.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only an admin may trigger a migration run or read a revision's SQL: POST
 * /actuator/migrations and GET /actuator/migrations/{revision} need HTTP basic credentials of a
 * user with the ADMIN role ({@code spring.security.user.*}, the password from
 * {@code SAMPLE_ADMIN_PASSWORD} or, without it, generated at start and logged once); health
 * details show to admins only; everything else of this demo is open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/actuator/migrations")
				.hasRole("ADMIN")
				// a revision's SQL shows the schema and the data it writes: admins only
				.requestMatchers("/actuator/migrations/*", "/actuator/migrations/*/*")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			// a JSON API without browser sessions: no cookies to forge requests with
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
