package io.tickerpress.deploy;

/** A file the store refused during a deploy, with the store's own error. */
public record DeployFailure(String path, String error) {
    @Override
    public String toString() {
        return path + ": " + error;
    }
}
