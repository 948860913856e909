package org.csotracker.department;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DepartmentSettings.class)
class DepartmentConfiguration {
}
