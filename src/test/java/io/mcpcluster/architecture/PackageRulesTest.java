package io.mcpcluster.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the product's source (docs/ARCHITECTURE.md): who may depend on whom. A change that
 * breaks one fails the build here, naming the offending class and dependency.
 */
@AnalyzeClasses(packages = "io.mcpcluster", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule nothingDependsOnTheTransports = noClasses()
            .that().resideOutsideOfPackage("io.mcpcluster.transport..")
            .should().dependOnClassesThat().resideInAPackage("io.mcpcluster.transport..")
            .because("servlets are the outermost layer: they hand off, nobody calls back into them");

    @ArchTest
    static final ArchRule onlyTheInfinispanPackageKnowsInfinispan = noClasses()
            .that().resideOutsideOfPackage("io.mcpcluster.infinispan..")
            .should().dependOnClassesThat().resideInAnyPackage("io.mcpcluster.infinispan..", "org.infinispan..",
                    "org.jgroups..")
            .because("everything else sees the interfaces of session, stream and cluster");

    @ArchTest
    static final ArchRule theUserApiImportsNothingOfOurs = classes()
            .that().resideInAPackage("io.mcpcluster.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.mcpcluster.api..", "java..", "jakarta.json..")
            .because("users compile against the api artifact alone");

    @ArchTest
    static final ArchRule streamAndClusterCodeDoesNotKnowDispatch = noClasses()
            .that().resideInAnyPackage("io.mcpcluster.stream..", "io.mcpcluster.sse..", "io.mcpcluster.cluster..",
                    "io.mcpcluster.session..")
            .should().dependOnClassesThat().resideInAPackage("io.mcpcluster.dispatch..")
            .because("delivery moves messages; what they mean is dispatch's business");

    @ArchTest
    static final ArchRule configIsALeaf = classes()
            .that().resideInAPackage("io.mcpcluster.config..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.mcpcluster.config..", "java..",
                    "jakarta.enterprise..", "jakarta.inject..")
            .because("every package reads settings; settings depend on nothing");

    @ArchTest
    static final ArchRule demoAndFixtureBeansAreOptional = classes()
            .that().resideInAnyPackage("io.mcpcluster.demo..", "io.mcpcluster.fixtures..")
            .and().areAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class)
            .should().beAnnotatedWith(io.mcpcluster.api.OptionalFeature.class)
            .because("the WAR deployed as it is serves no demo and no fixtures (mcp.features is empty by default)");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.mcpcluster.(*)..").should().beFreeOfCycles();
}
