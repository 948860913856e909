package org.csotracker.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring Boot registers {@link ResourceUrlEncodingFilter} for Thymeleaf because the webjars locator
 * enables the resource chain. It rewrites links only for versioned resource URLs, which this app
 * does not use (webjar paths are resolved when served), yet it looked every link of every page up
 * on the classpath: about a hundred file checks for the pipeline board. Registered here, disabled.
 */
@Configuration(proxyBeanMethods = false)
class LinkRendering {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
