package org.xuncha;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** House rules (brief "Shape of the code"), checked on the product classes. */
@org.junit.jupiter.api.Tag("pure")
class ArchitectureTests {

    static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.xuncha");

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class)
                .because("dependencies come through the constructor").check(PRODUCT);
    }

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic().check(PRODUCT);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes().that().areAssignableTo(org.springframework.data.repository.Repository.class)
                .or().haveSimpleNameEndingWith("Repository")
                .should().notBePublic().allowEmptyShould(true).check(PRODUCT);
    }

    @Test
    void entitiesAreNotPublic() {
        classes().that().containAnyFieldsThat(com.tngtech.archunit.base.DescribedPredicate.describe("@Id",
                        f -> f.isAnnotatedWith(org.springframework.data.annotation.Id.class)))
                .should().notBePublic().allowEmptyShould(true).check(PRODUCT);
    }

    @Test
    void statusAndStateFieldsAreEnums() {
        fields().that().haveNameMatching("(?i).*(status|state|stage)")
                .and().areNotStatic()
                .should().haveRawType(com.tngtech.archunit.base.DescribedPredicate.describe("an enum",
                        t -> t.isEnum()))
                .allowEmptyShould(true).check(PRODUCT);
    }

    @Test
    void noLegacyDates() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
                .check(PRODUCT);
    }

    @Test
    void noGrabBagOrInterfacePairNames() {
        noClasses().should().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Impl")
                .orShould().haveNameMatching(".*\\.I[A-Z][a-z].*")
                .check(PRODUCT);
    }

    @Test
    void noControllerServiceMapperLayerPackages() {
        noClasses().should().resideInAnyPackage("..controller..", "..service..", "..mapper..", "..dao..")
                .check(PRODUCT);
    }

}
