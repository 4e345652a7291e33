package dev.assistants4j.model.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * Registers reflection hints for every type the client's JSON mapper reads or writes, so that it works in a
 * native image: each class of the wire model ({@code dev.assistants4j.model} and below), the stream events
 * ({@code dev.assistants4j.stream}), the function calling types ({@code dev.assistants4j.tool}) and the error
 * body. The packages are scanned when the hints are computed, at build time, so that a new model type is
 * never forgotten. Registered through {@code META-INF/spring/aot.factories}.
 */
final class WireModelRuntimeHints implements RuntimeHintsRegistrar {

	private static final String[] PACKAGES = { "dev/assistants4j/model", "dev/assistants4j/stream",
			"dev/assistants4j/tool" };

	private static final String API_ERROR = "dev.assistants4j.client.ApiError";

	// Jackson calls record constructors, factory methods such as OpenEnum.of(String) and accessors, reads
	// annotations on fields, and finds the members of a union among the nested classes of its sealed type.
	private static final MemberCategory[] JACKSON = { MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
			MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
			MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS,
			MemberCategory.DECLARED_CLASSES };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String type : wireTypes(classLoader)) {
			hints.reflection().registerType(TypeReference.of(type), JACKSON);
		}
	}

	/**
	 * Returns the names of the types that get hints, found on the class path of the given loader.
	 * @param classLoader the class loader to scan, or {@code null} for the default one
	 * @return the binary names of the wire types
	 */
	static Set<String> wireTypes(@Nullable ClassLoader classLoader) {
		ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory(resolver);
		Set<String> types = new LinkedHashSet<>();
		try {
			for (String location : PACKAGES) {
				for (Resource resource : resolver.getResources("classpath*:" + location + "/**/*.class")) {
					String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
					if (!name.endsWith(".package-info")) {
						types.add(name);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot scan the assistants4j wire model for runtime hints", ex);
		}
		types.add(API_ERROR);
		return types;
	}

}
