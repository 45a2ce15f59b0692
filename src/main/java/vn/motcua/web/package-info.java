/** Pages that belong to no single capability: the back office's home, the shared layout's model. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package vn.motcua.web;
