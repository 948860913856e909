package org.csotracker.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Marks a bean that seeds demo data. Demo mode is {@code csotracker.demo=auto} by default: on with
 * the embedded database, off with an external one unless {@code csotracker.demo=true} asks for it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(DemoModeCondition.class)
public @interface ConditionalOnDemoMode {
}
