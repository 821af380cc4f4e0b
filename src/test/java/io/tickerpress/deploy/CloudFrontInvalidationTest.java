package io.tickerpress.deploy;

import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CloudFront invalidation request on the wire: the SDK client pointed at a local HTTP server that records
 * what it receives and answers as the CloudFront API documents (201 with the invalidation).
 */
class CloudFrontInvalidationTest {
    @Test
    void onlyTheChangedPathsAreInvalidated() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                    + "<Id>I" + requests.size() + "</Id><Status>InProgress</Status><CreateTime>2026-11-25T22:00:00Z</CreateTime>"
                    + "<InvalidationBatch><Paths><Quantity>0</Quantity></Paths><CallerReference>x</CallerReference></InvalidationBatch>"
                    + "</Invalidation>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/xml");
            ex.sendResponseHeaders(201, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        try (CloudFrontClient cf = CloudFrontClient.builder().region(Region.AWS_GLOBAL)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            // An edited article and the feed that lists it, and a deleted chart.
            List<String> paths = Invalidation.paths(List.of("news/x/index.html", "feed.xml", "charts/old.png"), "/");
            List<String> ids = Invalidation.send(cf, "E2EXAMPLE", paths, "ref");
            assertEquals(List.of("I1"), ids);
            assertEquals(List.of("POST /2020-05-31/distribution/E2EXAMPLE/invalidation"), requests);
            Document xml = Jsoup.parse(bodies.get(0), "", Parser.xmlParser());
            assertEquals(List.of("/charts/old.png", "/feed.xml", "/news/x/", "/news/x/index.html"),
                    xml.select("Paths > Items > Path").eachText());
            assertEquals("4", xml.selectFirst("Paths > Quantity").text());
            assertTrue(!bodies.get(0).contains("/*"), "never the whole cache");
        } finally {
            server.stop(0);
        }
    }
}
