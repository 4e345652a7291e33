package dev.assistants4j.client;

import reactor.core.publisher.Mono;

/**
 * The same rules, applied as every JSON call applies them: {@link RetryPolicy#retry(Mono)}.
 */
class RetryPolicyOperatorTests extends RetryPolicyTests {

	@Override
	<T> Mono<T> applied(Mono<T> attempts, RetryPolicy policy) {
		return policy.retry(attempts);
	}

}
