package dev.migration.sample.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only an admin may trigger a migration run: POST /actuator/migrations needs HTTP basic
 * credentials of a user with the ADMIN role ({@code spring.security.user.*}); everything
 * else of this demo is open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/actuator/migrations")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			// a JSON API without browser sessions: no cookies to forge requests with
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
