/** Pages that belong to no single capability: the back office's home, the shared layout's model. */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = {"identity", "organization", "platform"})
package vn.motcua.web;
