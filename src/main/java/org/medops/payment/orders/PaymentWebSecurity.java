package org.medops.payment.orders;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The channels' notification endpoint is reached by the payment channel, which holds no session, token or CSRF
 * cookie: its requests authenticate by their WeChat Pay signature, verified in {@link ChannelNotificationEndpoint}.
 * Only POSTs to that path pass; nothing else is opened.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PaymentWebSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain paymentChannelNotifications(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> "POST".equals(request.getMethod())
                        && request.getRequestURI().startsWith(ChannelNotificationEndpoint.PATH))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }
}
