package org.csotracker.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Counts the SQL statements the current thread prepares, through a proxy around the data source
 * (JPA and Camunda's MyBatis alike). Tests use it to prove a page's statement count does not grow
 * with the data (no N+1 queries).
 */
@TestComponent
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<AtomicInteger> COUNT = ThreadLocal.withInitial(AtomicInteger::new);
    private static final ThreadLocal<java.util.List<String>> SQL = ThreadLocal.withInitial(java.util.ArrayList::new);

    public static void reset() {
        COUNT.get().set(0);
        SQL.get().clear();
    }

    /** The statements counted since the last reset (the SQL, where it was given when preparing). */
    public static java.util.List<String> statements() {
        return java.util.List.copyOf(SQL.get());
    }

    public static int count() {
        return COUNT.get().get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
            return Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {DataSource.class, java.io.Closeable.class}, (proxy, method, args) -> {
                        Object result = invoke(dataSource, method, args);
                        return result instanceof Connection c ? counting(c) : result;
                    });
        }
        return bean;
    }

    private static Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
                COUNT.get().incrementAndGet();
                SQL.get().add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : name);
            }
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> type && type.isInstance(connection)) {
                return connection.unwrap(type);
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
