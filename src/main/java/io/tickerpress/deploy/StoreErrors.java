package io.tickerpress.deploy;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** The store's own words for a failed request, for messages that name the file and what the store said. */
final class StoreErrors {
    private StoreErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            return (code == null ? "" : code + ": ") + (message == null ? "(no message)" : message)
                    + " (HTTP " + s.statusCode() + ")";
        }
        if (e instanceof SdkException && e.getMessage() != null && e.getMessage().startsWith("Unable to load credentials")) {
            return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with"
                    + " ~/.aws/credentials (credentials never go into site.yaml)";
        }
        if (e instanceof SdkException) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
            String own = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return cause == e || cause.getMessage() == null || own.contains(cause.getMessage()) ? own
                    : own + " (" + cause.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
