package main

// The words the tag pools are made of: what a fleet of services on AWS and
// Kubernetes attaches to its metrics.

var services = []string{
	"checkout", "cart", "payments", "web-frontend", "search", "catalog", "inventory",
	"shipping", "auth", "user-profile", "recommendations", "notifications", "email-sender",
	"billing", "invoicing", "orders", "pricing", "reviews", "ads-serving", "image-resizer",
	"api-gateway", "graphql", "session-store", "fraud-detection", "ledger", "reporting",
	"etl-runner", "kafka-consumer", "scheduler", "feature-flags", "rate-limiter", "audit-log",
	"geo-ip", "currency", "tax", "loyalty", "support-chat", "media-upload", "thumbnails",
	"metrics-proxy",
}

var environments = []weighted{
	{"prod", 80}, {"staging", 12}, {"dev", 5}, {"qa", 3},
}

var regions = []string{
	"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "eu-west-3",
	"ap-northeast-1", "ap-southeast-2",
}

var clusters = []string{
	"prod-us1-blue", "prod-us1-green", "prod-eu1", "prod-ap1", "staging-us1", "dev-shared",
}

var namespaces = []string{
	"default", "payments", "storefront", "platform", "data", "search", "identity",
	"messaging", "ml-serving", "observability", "ingress", "batch", "kube-system",
	"cert-manager", "argocd", "istio-system", "monitoring", "billing", "growth", "internal-tools",
}

var teams = []string{
	"payments", "storefront", "platform", "data-eng", "search", "identity", "sre", "mobile",
	"growth", "ml", "security", "billing", "core-api", "integrations", "support-tools",
}

var resources = []string{
	"orders", "carts", "users", "sessions", "payments", "refunds", "products", "prices",
	"reviews", "shipments", "invoices", "coupons", "search", "recommendations", "images",
}

var httpMethods = []weighted{
	{"get", 70}, {"post", 20}, {"put", 5}, {"delete", 3}, {"patch", 2},
}

var statusCodes = []weighted{
	{"200", 82}, {"201", 4}, {"204", 3}, {"304", 2}, {"400", 3}, {"401", 1}, {"404", 3},
	{"429", 1}, {"500", 1},
}

// places are the non-ASCII tags: real place names, in the case people type them.
var places = []string{
	"city:São Paulo", "région:Île-de-France", "city:Zürich", "city:Kraków", "city:Malmö",
	"city:Reykjavík", "city:東京", "city:Москва", "country:España", "city:Montréal",
	"city:Genève", "city:Düsseldorf", "city:İstanbul", "city:Łódź", "city:Ålesund",
	"région:Provence-Alpes-Côte d'Azur", "city:Αθήνα", "city:München", "city:Göteborg",
	"prefecture:大阪", "city:서울", "city:Hà Nội", "city:Bogotá", "city:Curaçao",
	"city:Cádiz", "city:Tōkyō", "land:Österreich", "city:Ciudad de México", "city:Třinec",
	"city:Poznań", "city:Orléans", "city:Besançon", "estado:Paraná", "city:Querétaro",
}

// longPrefixes start the rare tags longer than the snapshot string limit.
var longPrefixes = []string{
	"sql.query:SELECT o.id, o.customer_id, o.status, o.total_amount, o.currency, " +
		"o.created_at, c.email, c.country FROM orders o JOIN customers c ON c.id = " +
		"o.customer_id WHERE o.status IN ('pending', 'authorized') AND o.created_at > ",
	"http.url:https://www.example-shop.com/checkout/confirm?session_id=",
	"user_agent:Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro Build/UQ1A.240205.004; wv) " +
		"AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/121.0.6167.178 Mobile " +
		"Safari/537.36 [FB_IAB/FB4A;FBAV/449.0.0.40.106;IABMV/1;] ",
	"error.stack:java.lang.IllegalStateException: connection pool exhausted at " +
		"com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696) at ",
}

type weighted struct {
	value  string
	weight int
}
