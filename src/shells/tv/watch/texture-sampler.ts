// Reads back a tiny render of a texture: a quad showing it, drawn into a small render target, bytes read on the
// CPU. Samples the very texture the sphere shows (its uploaded copy), so no second upload of the video happens.
import { Mesh, MeshBasicMaterial, OrthographicCamera, PlaneGeometry, Scene, WebGLRenderTarget, type Texture, type WebGLRenderer } from 'three';

export class TextureSampler {
  private readonly material = new MeshBasicMaterial({ toneMapped: false });
  private readonly geometry = new PlaneGeometry(2, 2);
  private readonly quad = new Scene().add(new Mesh(this.geometry, this.material));
  private readonly camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly target: WebGLRenderTarget;
  private readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.target = new WebGLRenderTarget(width, height);
    this.pixels = new Uint8Array(width * height * 4);
  }

  /** RGBA bytes of `texture` scaled to width×height (the same buffer each call: copy it to keep it). */
  sample(gl: WebGLRenderer, texture: Texture): Uint8Array {
    if (this.material.map !== texture) {
      this.material.map = texture;
      this.material.needsUpdate = true;
    }
    const previous = gl.getRenderTarget();
    gl.setRenderTarget(this.target);
    gl.render(this.quad, this.camera);
    gl.setRenderTarget(previous);
    gl.readRenderTargetPixels(this.target, 0, 0, this.width, this.height, this.pixels);
    return this.pixels;
  }

  dispose(): void {
    this.target.dispose();
    this.geometry.dispose();
    this.material.dispose();
  }
}
