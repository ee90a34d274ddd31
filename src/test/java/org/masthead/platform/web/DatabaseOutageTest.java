package org.masthead.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DatabaseOutageTest {

    private static MockHttpServletResponse call(String path, String accept, RuntimeException failure) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        request.addHeader("Accept", accept);
        var response = new MockHttpServletResponse();
        new DatabaseOutage().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws ServletException {
                throw new ServletException("Request processing failed", failure);
            }
        }));
        return response;
    }

    @Test
    void aDatabaseThatCannotBeReachedIs503WithRetryAfterNeverA500() throws Exception {
        var pool = new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));
        var page = call("/en/", "text/html", pool);
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("30");
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getContentAsString()).contains("briefly unavailable");

        var locked = new UncategorizedSQLException("select", "select 1",
                new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)"));
        var api = call("/api/v1/stories", "application/json", locked);
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/problem+json");

        var cutOff = new UncategorizedSQLException("select", "select 1", new SQLException("An I/O error occurred", "08006"));
        assertThat(call("/uk/", "text/html", cutOff).getStatus()).isEqualTo(503);

        // cut off mid-transaction: the rollback fails on the closed connection and hides the first failure
        var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("I/O error"));
        assertThat(call("/en/", "text/html", rollback).getStatus()).isEqualTo(503);
    }

    @Test
    void otherFailuresAreNotDisguisedAsOutages() {
        assertThatThrownBy(() -> call("/en/", "text/html", new DataIntegrityViolationException("duplicate")))
                .isInstanceOf(ServletException.class);
    }
}
