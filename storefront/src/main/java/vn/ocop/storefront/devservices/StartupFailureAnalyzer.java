package vn.ocop.storefront.devservices;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import vn.ocop.devservices.DevServiceException;

/**
 * Turns the usual ways a start fails (an embedded service that will not start, a database that cannot be
 * reached, a bad database URL) into one clear line and what to do, instead of a stack trace.
 */
class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DevServiceException e) {
                return new FailureAnalysis(e.getMessage(), "Fix the cause above, or point OCOP_DB_URL / OCOP_ELASTICSEARCH_URL at running servers.", failure);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || isConnectionRefused(t)) {
                return new FailureAnalysis("Cannot reach the database: " + t.getMessage(), "Start PostgreSQL or correct OCOP_DB_URL, OCOP_DB_USER and OCOP_DB_PASSWORD.", failure);
            }
            if (t instanceof IllegalArgumentException e && e.getMessage() != null && e.getMessage().startsWith("OCOP_DB_URL")) {
                return new FailureAnalysis(e.getMessage(), "Correct OCOP_DB_URL.", failure);
            }
        }
        return null;
    }

    private static boolean isConnectionRefused(Throwable t) {
        String sqlState = t instanceof java.sql.SQLException e ? e.getSQLState() : null;
        return sqlState != null && sqlState.startsWith("08");
    }
}
