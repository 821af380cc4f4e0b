package io.tickerpress.deploy;

import java.util.List;

/** The {@code deploy:} section of site.yaml: where to publish and with which headers. */
public record DeployConfig(List<DeployTarget> targets, HeaderRules headers, int concurrency) {
    public static final int DEFAULT_CONCURRENCY = 8;
}
