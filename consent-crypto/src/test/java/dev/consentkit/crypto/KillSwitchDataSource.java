package dev.consentkit.crypto;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real data source that, once armed, fails the n-th insert of an audit entry and every one after:
 * the last write of every ConsentKit unit of work, so the unit rolls back whole, as a crash there would.
 */
final class KillSwitchDataSource {
    private final DataSource target;
    private final AtomicInteger appendsLeft = new AtomicInteger(-1);

    KillSwitchDataSource(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, (p, m, args) -> {
            Object result = invoke(target, m, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    void failAfter(int appends) {
        appendsLeft.set(appends);
    }

    void stopFailing() {
        appendsLeft.set(-1);
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, (p, m, args) -> {
            Object result = invoke(c, m, args);
            if (result instanceof PreparedStatement ps && m.getName().equals("prepareStatement")
                    && ((String) args[0]).toLowerCase(Locale.ROOT).startsWith("insert into ck_audit_entry")) {
                return statement(ps);
            }
            return result;
        });
    }

    private PreparedStatement statement(PreparedStatement ps) {
        return proxy(PreparedStatement.class, (p, m, args) -> {
            if (m.getName().startsWith("execute") && appendsLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
                throw new SQLException("injected failure of an audit append (a crash)", "08006");
            }
            return invoke(ps, m, args);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(KillSwitchDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
