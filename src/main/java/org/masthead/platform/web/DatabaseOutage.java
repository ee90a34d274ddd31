package org.masthead.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (PostgreSQL down or cut off, the SQLite file locked by another
 * process), every request that needed it is answered 503 with {@code Retry-After}, never a 500 page, and
 * without touching the database again. Nothing needs restarting: the connection pool reconnects when the
 * database is back, and the next request is served as usual. Outermost filter, so failures in the
 * session, security and page-cache filters are caught too.
 */
public final class DatabaseOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    static final int RETRY_AFTER_SECONDS = 30;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("The database is unavailable ({}); answered 503 to {} {}", rootMessage(e), request.getMethod(),
                    request.getRequestURI());
            answer(request, response);
        }
    }

    /** The error page that a failure leads to must not fail the same way: this filter guards it too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** Whether the failure means the database cannot be reached now (and may be again soon). */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a query cut off mid-transaction, whose rollback then failed on the closed connection
            if (t instanceof TransactionSystemException system && system.getApplicationException() != null
                    && isOutage(system.getApplicationException())) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof QueryTimeoutException || t instanceof PessimisticLockingFailureException
                    || t instanceof TransientDataAccessException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                var state = sql.getSQLState() == null ? "" : sql.getSQLState();
                var message = sql.getMessage() == null ? "" : sql.getMessage().toUpperCase(Locale.ROOT);
                // connection failures (class 08), shutdown (57P), and SQLite's busy and locked file
                if (state.startsWith("08") || state.startsWith("57P") || message.contains("CONNECTION IS CLOSED")
                        || message.contains("SQLITE_BUSY")
                        || message.contains("SQLITE_LOCKED") || message.contains("SQLITE_CANTOPEN")
                        || message.contains("SQLITE_IOERR")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Unavailable.answer(request, response, RETRY_AFTER_SECONDS,
                "The database is briefly unavailable; try again in " + RETRY_AFTER_SECONDS + " s.",
                "Сайт ненадовго недоступний", "The site is briefly unavailable", "Сайт ненадолго недоступен");
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
